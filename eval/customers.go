package eval

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// Synthetic customers: a bank's customer file, for batch screening and
// monitoring benchmarks. Names are drawn from given and family names of
// many cultures; about one customer in a hundred is a listed party under
// a variant of its listed name (see variants), so that a run has hits.

// ListedShare is the share of generated customers who are listed parties.
const ListedShare = 0.01

// Given and family names by culture, written as banks in Europe and
// the Americas receive them (Latin script).
var (
	givenNames = strings.Fields(`
		James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen
		Oliver Harry George Jack Noah Emily Olivia Amelia Isla Ava Sophie Charlotte Grace Lucy Hannah Chloe Daniel Matthew Andrew Christopher
		Lukas Leon Finn Paul Jonas Felix Maximilian Anna Lena Lea Marie Laura Julia Katharina Sabine Ursula Wolfgang Jürgen Klaus Dieter Heike
		Jean Pierre Michel Philippe Nicolas Camille Manon Chloé Inès Amélie Sébastien François Théo Léa Margaux Hélène Élodie Mathieu Antoine
		José Juan Carlos Luis Javier Miguel Alejandro Sofía Lucía Carmen Isabel Pilar Rocío Guadalupe Diego Santiago Valentina Camila Mateo
		Giuseppe Marco Luca Alessandro Francesca Giulia Chiara Elena Matteo Lorenzo Paolo Federica Stefano Roberta Giovanni Simona
		João Pedro Tiago Rafael Beatriz Mariana Inês Gonçalo Ana Leonor Thiago Larissa Gabriel Fernanda Bruno Vitória
		Jan Piotr Krzysztof Tomasz Agnieszka Katarzyna Małgorzata Magdalena Ewa Łukasz Paweł Zofia Marek Joanna
		Ivan Dmitry Alexei Nikolai Andrei Natalia Olga Tatiana Svetlana Irina Yulia Oksana Taras Bohdan Vasyl Mykola Halyna
		Mohammed Ahmed Omar Youssef Khalid Hassan Ibrahim Mustafa Karim Tariq Fatima Aisha Mariam Layla Nour Zainab Salma Rania Hoda Amina
		Reza Ali Hossein Mehdi Dariush Shirin Parisa Maryam Leila Farhad Kaveh Nasrin
		Mehmet Mustafa Emre Burak Elif Zeynep Ayşe Fatma Emine Hakan Serkan Özlem Deniz
		Wei Fang Jing Li Min Hui Jun Xiaoming Yan Lei Hao Qiang Xiu Ying Zhen Tao
		Hiroshi Takashi Kenji Yuki Haruto Sakura Yui Aoi Riku Kaito Naoko Keiko
		Min-jun Seo-yeon Ji-woo Ha-eun Do-yoon Ji-hoon Soo-jin Hyun-woo
		Nguyen Anh Minh Thu Huong Linh Tuan Duc Phuong Trang
		Rahul Priya Amit Sunita Anil Pooja Vikram Deepa Arjun Kavya Sanjay Neha Rajesh Lakshmi Suresh Anjali
		Chinedu Ngozi Emeka Adaeze Oluwaseun Funmilayo Kwame Abena Kofi Ama Tendai Thandiwe Sipho Zanele Babajide Chiamaka
		Lars Erik Anders Nils Ingrid Astrid Sigrid Freya Mikael Johan Karin Helga
		Dimitrios Georgios Konstantinos Eleni Maria Katerina Nikos Yannis Sofia
		Mariam Abdullah Rashid Saeed Hamad Noura Hessa Mansour
		Aleksandar Milan Dragan Jelena Milica Ivana Nemanja Stefan Ana Goran`)
	familyNames = strings.Fields(`
		Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Thompson White Harris Clark Lewis
		Walker Hall Allen Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker
		Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson
		Brooks Bennett Gray Hughes Price Sanders Myers Long Ross Foster O'Brien O'Connor McCarthy Fitzgerald Gallagher Byrne
		Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann
		Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Huber Fuchs Vogel Keller Brandt
		Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux
		Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau
		García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Álvarez Muñoz
		Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Ortega Delgado Castro
		Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De Luca Mancini Costa Giordano Rizzo
		Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile
		Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes Gonçalves Gomes Lopes Marques Alves Almeida
		Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski
		Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov
		Shevchenko Bondarenko Kovalenko Tkachenko Kravchenko Oliynyk Shevchuk Melnyk Boyko Koval
		Haddad Khoury Nasser Saleh Mansour Aziz Hamdan Farouk Sabbagh Awad Darwish Qasim Yousef Suleiman Barakat Karimi
		Hosseini Mohammadi Ahmadi Rezaei Moradi Jafari Rahimi Sadeghi Tehrani Shirazi
		Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin
		Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo
		Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto
		Kim Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon
		Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly
		Sharma Verma Gupta Singh Kumar Patel Shah Mehta Reddy Rao Iyer Nair Menon Joshi Chatterjee Banerjee Mukherjee Das Bose Pillai
		Okafor Okonkwo Adeyemi Ogunleye Balogun Nwosu Eze Mensah Owusu Boateng Asante Dlamini Nkosi Ndlovu Mokoena Moyo Kamau Otieno
		Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsen Hansen Jensen Nielsen Pedersen Virtanen Korhonen Mäkinen
		Papadopoulos Georgiou Nikolaidis Christodoulou Pappas Vlachos
		Jovanović Petrović Nikolić Marković Đorđević Stojanović Horvat Kovačević Babić Novak`)
	middleInitials = strings.Fields("A B C D E F G H J K L M N P R S T W")
	companyWords   = strings.Fields(`Atlantic Nordic Alpine Pacific Sunrise Golden Silver Blue Green Summit Harbor River Oak Cedar Maple Crown Phoenix
		Orion Vertex Apex Horizon Meridian Global United Central Eastern Western Northern Southern Royal Pioneer Liberty Evergreen
		Trading Logistics Shipping Holdings Capital Consulting Engineering Foods Textiles Pharma Systems Solutions Partners Ventures
		Energy Mining Metals Construction Electronics Software Marine Agro Medical Retail Imports Exports Freight Motors Industries`)
	companyForms = strings.Fields("Ltd LLC GmbH SA SAS SRL BV AG Inc PLC LLP Oy AB AS Sp.z.o.o. S.p.A. KG")
	countryCodes = strings.Fields(`GB DE FR ES IT PT NL BE CH AT PL SE NO DK FI IE US CA MX BR AR CO CL TR RU UA GR RO BG RS HR
		CN JP KR VN IN PK BD NG GH KE ZA EG MA AE SA IR IQ LB JO IL AU NZ SG MY ID PH TH`)
	listedVariants = []string{"exact", "reorder", "case-punct", "drop-middle", "translit", "typo1", "initial"}
)

// GenerateCustomers yields n synthetic customers with IDs CUST-0000001
// upward, the same for the same entities, n and seed. Most are people
// with a given, sometimes a middle initial, and a family name; one in
// eight a company. About 70% of the people have a date of birth, 60% of
// the customers a country and 10% an identifier. About ListedShare of
// them are listed entities (persons and organisations with a Latin-script
// name) under a variant of their name (exact, reordered, respelled, a
// typo, ...), some with the listed date of birth and country.
func GenerateCustomers(ents []*entity.Entity, n int, seed uint64) iter.Seq[entity.Customer] {
	var listed []*entity.Entity
	for _, e := range ents {
		if (e.Schema == entity.Person || e.Schema.IsOrganization()) && len(e.Names) > 0 && isLatin(e.Names[0].Full) {
			listed = append(listed, e)
		}
	}
	slices.SortFunc(listed, func(a, b *entity.Entity) int { return strings.Compare(a.ID, b.ID) })
	return func(yield func(entity.Customer) bool) {
		r := rand.New(rand.NewPCG(seed, seed^0xc0ffee))
		for i := 1; i <= n; i++ {
			c := entity.Customer{ID: fmt.Sprintf("CUST-%07d", i)}
			if len(listed) > 0 && r.Float64() < ListedShare {
				listedCustomer(r, &c, listed[r.IntN(len(listed))])
			} else if r.IntN(8) == 0 {
				company(r, &c)
			} else {
				person(r, &c)
			}
			if !yield(c) {
				return
			}
		}
	}
}

func pick(r *rand.Rand, words []string) string { return words[r.IntN(len(words))] }

func person(r *rand.Rand, c *entity.Customer) {
	c.Schema = entity.Person
	parts := []string{pick(r, givenNames)}
	switch r.IntN(10) {
	case 0, 1:
		parts = append(parts, pick(r, middleInitials)+".")
	case 2:
		parts = append(parts, pick(r, givenNames))
	}
	parts = append(parts, pick(r, familyNames))
	if r.IntN(12) == 0 { // a double-barrelled or second family name
		parts = append(parts, pick(r, familyNames))
	}
	c.Name = strings.Join(parts, " ")
	if r.IntN(10) < 7 {
		c.BirthDate = fmt.Sprintf("%04d-%02d-%02d", 1935+r.IntN(70), 1+r.IntN(12), 1+r.IntN(28))
	}
	common(r, c)
}

func company(r *rand.Rand, c *entity.Customer) {
	c.Schema = entity.Company
	first := pick(r, companyWords)
	if r.IntN(3) == 0 {
		first = pick(r, familyNames)
	}
	c.Name = first + " " + pick(r, companyWords) + " " + pick(r, companyForms)
	common(r, c)
}

func common(r *rand.Rand, c *entity.Customer) {
	if r.IntN(10) < 6 {
		c.Country = pick(r, countryCodes)
	}
	if r.IntN(10) == 0 {
		c.IDNumber = fmt.Sprintf("%c%c%07d", 'A'+r.IntN(26), 'A'+r.IntN(26), r.IntN(10_000_000))
	}
}

// listedCustomer makes c a listed entity under a variant of its name.
func listedCustomer(r *rand.Rand, c *entity.Customer, e *entity.Entity) {
	c.Schema = entity.Person
	if e.Schema != entity.Person {
		c.Schema = entity.Company
	}
	name := firstLast(e.Names[0].Full)
	for _, kind := range []string{pick(r, listedVariants), "exact"} {
		for _, v := range variants {
			if v.kind == kind && (e.Schema == entity.Person && v.persons || e.Schema != entity.Person && v.orgs) {
				if s := v.make(r, name); s != "" {
					c.Name = s
				}
			}
		}
		if c.Name != "" {
			break
		}
	}
	if e.Schema == entity.Person && len(e.BirthDates) > 0 && !e.BirthDates[0].IsRange() && r.IntN(2) == 0 {
		c.BirthDate = e.BirthDates[0].From.String()
	}
	if len(e.Nationalities) > 0 && r.IntN(2) == 0 {
		c.Country = strings.ToUpper(e.Nationalities[0])
	}
}
